// Activity (the master key, or an API key with the admin scope): usage analytics as
// figures, charts and tables. The charts are Chart.js, a WebJar the application serves
// (its UMD build, which sets globalThis.Chart), loaded the first time the view opens.
import { $, api, credential, el, guarded, kbName, may, state } from './core.js';

const DAY = 24 * 60 * 60 * 1000;

let library = null;
let charts = [];
let shown = null;

function chartLibrary() {
	library ||= import('/webjars/chart.js/dist/chart.umd.js').then(() => globalThis.Chart);
	return library;
}

/**
 * Whether this credential may read usage analytics: the master key, or a key with the
 * admin scope (a person's, when they manage a knowledge base); known from the scopes,
 * not asked (a refusal would be a 403 the console caused).
 */
export function mayReadActivity() {
	const c = credential();
	return Boolean(c) && (c.kind === 'master' || may('admin'));
}

export function activityShown() {
	const select = $('activity-kb');
	const chosen = select.value;
	select.replaceChildren(el('option', { value: '', text: 'All I may read' }),
		...state.knowledgeBases.map((kb) => el('option', { value: kb.id, text: kb.name })));
	select.value = state.knowledgeBases.some((kb) => kb.id === chosen) ? chosen : '';
	return guarded(load);
}

/** Draws the charts again in the colours of the theme now in force. */
export function activityThemeChanged() {
	if (shown && !$('view-activity').hidden) guarded(() => draw(shown));
}

export function forgetActivity() {
	charts.forEach((chart) => chart.destroy());
	charts = [];
	shown = null;
	for (const id of ['activity-totals', 'activity-cited', 'activity-keys', 'activity-personas']) $(id).replaceChildren();
	delete $('view-activity').dataset.loaded;
}

async function load() {
	delete $('view-activity').dataset.loaded;
	const days = Number($('activity-days').value);
	const kb = $('activity-kb').value;
	const params = new URLSearchParams({ from: new Date(Date.now() - (days - 1) * DAY).toISOString().slice(0, 10) });
	if (kb) params.set('knowledgeBase', kb);
	const usage = await api(`/api/v1/admin/analytics?${params}`);
	await draw(usage);
	$('view-activity').dataset.loaded = `${kb}|${days}`;
}

async function draw(usage) {
	shown = usage;
	figures(usage.totals);
	tables(usage);
	const Chart = await chartLibrary();
	charts.forEach((chart) => chart.destroy());
	const css = getComputedStyle(document.documentElement);
	const color = (name) => css.getPropertyValue(name).trim();
	const ink = color('--ink');
	const grid = color('--line');
	const labels = usage.days.map((d) => d.day.slice(5));
	const axes = (stacked) => ({
		x: { stacked, ticks: { color: ink }, grid: { color: grid } },
		y: { stacked, beginAtZero: true, ticks: { color: ink, precision: 0 }, grid: { color: grid } },
	});
	const options = (stacked) => ({ responsive: true, maintainAspectRatio: false, animation: false,
		plugins: { legend: { labels: { color: ink } } }, scales: axes(stacked) });
	const series = (label, values, name, extra = {}) => ({ label, data: values, backgroundColor: color(name), borderColor: color(name), ...extra });
	const t = usage.totals;
	charts = [
		new Chart($('chart-answers'), { type: 'bar', options: options(true), data: { labels, datasets: [
			series('Grounded', usage.days.map((d) => d.grounded), '--ok'),
			series('Refused', usage.days.map((d) => d.refused), '--bad')] } }),
		new Chart($('chart-latency'), { type: 'line', options: options(false), data: { labels, datasets: [
			series('p50', usage.days.map((d) => d.latencyMs?.p50 ?? null), '--accent', { spanGaps: true }),
			series('p95', usage.days.map((d) => d.latencyMs?.p95 ?? null), '--warn', { spanGaps: true })] } }),
		new Chart($('chart-usage'), { type: 'bar', options: options(false), data: { labels, datasets: [
			series('Sessions', usage.days.map((d) => d.sessions), '--accent'),
			series('Uploads', usage.days.map((d) => d.uploads ?? 0), '--muted'),
			series('Helpful', usage.days.map((d) => d.feedback.up), '--ok'),
			series('Not helpful', usage.days.map((d) => d.feedback.down), '--bad')] } }),
	];
	// what the pictures say, for those who cannot see them
	$('chart-answers').setAttribute('aria-description', `${t.grounded} grounded and ${t.refused} refused answers over ${usage.days.length} days`);
	$('chart-latency').setAttribute('aria-description', t.latencyMs ? `median ${t.latencyMs.p50} ms, 95th percentile ${t.latencyMs.p95} ms` : 'no answers');
	$('chart-usage').setAttribute('aria-description', `${t.sessions} sessions, ${t.uploads ?? 0} uploads, ${t.feedback.up} answers rated helpful and ${t.feedback.down} not helpful`);
}

function figures(t) {
	const rows = [
		['sessions', 'Sessions', t.sessions],
		['questions', 'Questions', t.questions],
		['grounded', 'Grounded answers', t.grounded],
		['refused', 'Refused ("not in the documents")', t.refused],
		['latency', 'Latency p50 / p95', t.latencyMs ? `${t.latencyMs.p50} / ${t.latencyMs.p95} ms` : '–'],
		['uploads', 'Uploads', t.uploads ?? '–'],
		['pages', 'Pages ingested', t.pagesIngested ?? '–'],
		['feedback', 'Feedback', `${t.feedback.up} helpful, ${t.feedback.down} not helpful`],
	];
	if (t.tokens != null) rows.push(['tokens', 'Model tokens', t.tokens]);
	$('activity-totals').replaceChildren(...rows.map(([key, label, value]) => el('div', {},
		el('dt', { text: label }), el('dd', { 'data-figure': key, text: String(value) }))));
}

function tables(usage) {
	const none = (columns) => el('tr', {}, el('td', { colspan: columns, class: 'hint', text: 'Nothing in this period.' }));
	$('activity-cited').replaceChildren(...usage.topCitedDocuments.map((d) => el('tr', {},
		el('td', { text: d.filename || d.documentId }), el('td', { text: String(d.citations) }))));
	if (!usage.topCitedDocuments.length) $('activity-cited').append(none(2));
	// keys by name and personas by title, as the server names them (the id on hover)
	const row = (name, id, f) => el('tr', {}, el('td', { title: id || undefined, text: name }),
		el('td', { text: String(f.sessions) }), el('td', { text: String(f.questions) }), el('td', { text: String(f.grounded) }),
		el('td', { text: String(f.refused) }), el('td', { text: `${f.feedback.up} helpful, ${f.feedback.down} not helpful` }));
	$('activity-keys').replaceChildren(...usage.byKey.map((k) => row(k.name ?? k.keyId, k.keyId, k)));
	$('activity-personas').replaceChildren(...usage.byChatConfig.map((c) => row(c.title ?? c.configId ?? 'no persona', c.configId, c)));
	if (!usage.byKey.length) $('activity-keys').append(none(6));
	if (!usage.byChatConfig.length) $('activity-personas').append(none(6));
	// people who signed in with an identity provider, their keys added up (shown when there are any)
	const people = usage.byPerson || [];
	$('activity-people').replaceChildren(...people.map((p) => row(p.name ?? p.personId, p.personId, p)));
	$('activity-people-part').hidden = !people.length;
	if (usage.knowledgeBases) {
		$('activity-kb').title = `This key reads ${usage.knowledgeBases.map(kbName).join(', ')}`;
	}
}
