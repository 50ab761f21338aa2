// A file dropped into the conversation (anywhere on the chat, or picked with the paperclip)
// is asked at once: it goes to the open conversation (a new chat starts first) through
// POST /api/v1/sessions/{id}/files, which reads it as any upload into the conversation's
// own knowledge base (no one else's to list or search, deleted with the conversation);
// once it is READY the question in the composer is asked, or "Summarize <file>". Drops on
// the chat never reach the page's own drop (which uploads to the open knowledge base).
import { $, guarded, showError } from './core.js';
import { askNow, conversationCall, conversationId, count } from './chat.js';
import { showFile } from './scope.js';

/** How long one status call waits for a file to be read (the server allows 60 s). */
const WAIT_SECONDS = 30;

export function wireDrop() {
	const zone = $('view-chat');
	const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
	const over = (on) => $('ask-form').classList.toggle('dropping', on);
	zone.addEventListener('dragover', (e) => {
		if (!hasFiles(e)) return;
		e.preventDefault();
		e.stopPropagation();
		over(true);
	});
	zone.addEventListener('dragleave', (e) => { if (!e.relatedTarget || !zone.contains(e.relatedTarget)) over(false); });
	zone.addEventListener('drop', (e) => {
		if (!e.dataTransfer || !e.dataTransfer.files.length) return;
		e.preventDefault();
		e.stopPropagation();
		over(false);
		dropFiles([...e.dataTransfer.files]);
	});
	$('attach').addEventListener('click', () => $('attach-file').click());
	$('attach-file').addEventListener('change', (e) => {
		const files = [...e.target.files];
		e.target.value = '';
		dropFiles(files);
	});
}

/** Sends files to the open conversation, waits until they are read, then asks. */
export async function dropFiles(files) {
	if (!files.length) return;
	await guarded(async () => {
		const form = new FormData();
		for (const file of files) form.append('file', file, file.name);
		const { files: dropped } = await conversationCall('/files', { method: 'POST', body: form });
		const sessionId = conversationId();
		dropped.forEach((file) => showFile(sessionId, file));
		// the question typed before the drop is the one to ask of it
		const box = $('question');
		const typed = box.value.trim();
		box.value = '';
		count();
		const read = [];
		const failed = [];
		for (const file of dropped) {
			const done = await readingDone(file);
			if (conversationId() !== sessionId) return;
			showFile(sessionId, done);
			if (done.status === 'READY') read.push(done); else failed.push(`${done.filename}: ${done.error || 'it could not be read'}`);
		}
		if (failed.length) showError(`Not read: ${failed.join('; ')}`);
		if (!read.length) return;
		await askNow(typed || `Summarize ${read.map((f) => f.filename).join(' and ')}`);
	});
}

async function readingDone(file) {
	let shown = file;
	while (shown.status !== 'READY' && shown.status !== 'FAILED') {
		shown = await conversationCall(`/files/${encodeURIComponent(file.id)}?waitSeconds=${WAIT_SECONDS}`);
	}
	return shown;
}
