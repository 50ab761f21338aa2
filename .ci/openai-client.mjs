// The OpenAI-compatible chat API through the official `openai` npm package (a client
// nobody here wrote), against a running service. Run by .ci/openai-walkthrough:
//
//     node .ci/openai-client.mjs OPENAI_MODULE_DIR BASE_URL KEY OTHER_KB_ID KB_ID DOC_ID
//
// Prints "openai-npm: N passed, M failed" and exits 1 if any failed.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [moduleDir, baseURL, apiKey, otherKb, kb, doc] = process.argv.slice(2);
const { default: OpenAI } = await import(pathToFileURL(join(moduleDir, 'node_modules/openai/index.mjs')).href);
const client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey, maxRetries: 0 });
const question = 'When was the lighthouse on Kestrel Point automated?';
let passed = 0;
let failed = 0;

async function check(what, test) {
	try {
		await test();
		console.log(`==> openai-npm: ok   ${what}`);
		passed++;
	}
	catch (error) {
		console.log(`    FAILED ${what}: ${error?.stack ?? error}`);
		failed++;
	}
}

function assert(condition, message) {
	if (!condition) {
		throw new Error(message);
	}
}

await check('models.list: only the key\'s knowledge base', async () => {
	const ids = [];
	for await (const model of client.models.list()) {
		ids.push(model.id);
	}
	assert(ids.includes(`kb:${kb}`), `kb:${kb} in ${ids}`);
	assert(!ids.includes(`kb:${otherKb}`), `not kb:${otherKb} in ${ids}`);
});

let answered;
await check('chat.completions.create: the answer with its [n] markers and the citations field', async () => {
	const completion = await client.chat.completions.create({
		model: `kb:${kb}`, messages: [{ role: 'user', content: question }],
	});
	answered = completion;
	const text = completion.choices[0].message.content;
	assert(text.includes('1987') && text.includes('[1]'), `the answer: ${text}`);
	const citation = completion.citations?.[0];
	assert(citation && citation.index === 1 && citation.page === 3 && citation.documentId === doc,
		`citation 1, page 3 of ${doc}: ${JSON.stringify(completion.citations)}`);
	assert(citation.url.includes('/pages/3?quote='), `the preview url: ${citation.url}`);
});

await check('chat.completions.create stream: the same text, the citations in the last chunk', async () => {
	const stream = await client.chat.completions.create({
		model: `kb:${kb}`, stream: true, messages: [{ role: 'user', content: question }],
	});
	let text = '';
	let last;
	for await (const chunk of stream) {
		text += chunk.choices[0]?.delta?.content ?? '';
		last = chunk;
	}
	assert(text === answered.choices[0].message.content, `streamed '${text}'`);
	assert(last.choices[0].finish_reason === 'stop', 'the last chunk stops');
	assert(JSON.stringify(last.citations) === JSON.stringify(answered.citations),
		`the same citations: ${JSON.stringify(last.citations)}`);
});

await check('a model of another knowledge base: 404 model_not_found', async () => {
	try {
		await client.chat.completions.create({ model: `kb:${otherKb}`, messages: [{ role: 'user', content: question }] });
	}
	catch (error) {
		assert(error.status === 404 && error.code === 'model_not_found', `${error.status} ${error.code}`);
		return;
	}
	throw new Error('answered');
});

await check('n: 2 is refused, not ignored: 400 unsupported_parameter', async () => {
	try {
		await client.chat.completions.create({ model: `kb:${kb}`, n: 2, messages: [{ role: 'user', content: question }] });
	}
	catch (error) {
		assert(error.status === 400 && error.code === 'unsupported_parameter' && error.param === 'n',
			`${error.status} ${error.code} ${error.param}`);
		return;
	}
	throw new Error('answered');
});

await check('a wrong key: 401', async () => {
	const stranger = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'rck_' + 'x'.repeat(38), maxRetries: 0 });
	try {
		await stranger.models.list();
	}
	catch (error) {
		assert(error.status === 401, `${error.status}`);
		return;
	}
	throw new Error('listed');
});

console.log(`openai-npm: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
