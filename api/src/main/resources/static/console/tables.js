// Every console table (table.list) keeps its headers on a phone: below 600 px its rows
// are stacked (console.css) and each cell shows its column's header before its value,
// from a data-label attribute set here, whichever module filled the table and whenever.
// Written by hand: a MutationObserver and a few lines, no library does less.

/** Labels the cells of one table's body with their column's header text. */
function label(table) {
	const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
	if (!headers.length) return;
	for (const row of table.tBodies[0]?.rows || []) {
		let column = 0;
		for (const cell of row.cells) {
			const header = cell.colSpan === 1 ? headers[column] : '';
			if (header && cell.dataset.label !== header) cell.dataset.label = header;
			column += cell.colSpan;
		}
	}
}

/** Labels every list table now, and again whenever rows are added to one (or a table to the page). */
export function labelTables() {
	document.querySelectorAll('table.list').forEach(label);
	new MutationObserver((changes) => {
		const changed = new Set();
		for (const change of changes) {
			const table = change.target.closest?.('table.list');
			if (table) changed.add(table);
			for (const node of change.addedNodes) {
				if (node.nodeType !== Node.ELEMENT_NODE) continue;
				if (node.matches('table.list')) changed.add(node);
				node.querySelectorAll('table.list').forEach((t) => changed.add(t));
			}
		}
		changed.forEach(label);
	}).observe(document.body, { childList: true, subtree: true });
}
