// Summarises httpyac's --json result: one line per test, details of failures, and
// "httpyac: N passed, M failed". Exits 1 on a failure or when nothing passed.
// Counts come from the per-request test results (httpyac's own summary lists an
// errored request's error twice, so duplicates are folded).
//
//     node .ci/httpyac-summary.js httpyac.json <repository root>
const fs = require("fs");
const [jsonFile, root] = process.argv.slice(2);
let passed = 0, failed = 0;
try {
  const result = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  for (const req of result.requests || []) {
    const where = `${require("path").relative(root, req.fileName)}:${req.line}`;
    const status = req.response ? req.response.statusCode : "no response";
    console.log(`    ${req.title || req.name} (${where}) -> ${status}`);
    const seen = new Set();
    const tests = (req.testResults || []).filter((t) => {
      const k = t.status + "\u0000" + t.message;
      return seen.has(k) ? false : (seen.add(k), true);
    });
    if (tests.length === 0) { console.log("      ! no tests in this request"); }
    for (const t of tests) {
      if (t.status === "SUCCESS") { passed++; console.log(`      ok   ${t.message}`); continue; }
      if (t.status === "SKIPPED") { console.log(`      skip ${t.message}`); continue; }
      failed++;
      console.log(`      FAIL ${t.message}`);
      if (t.error && t.error.displayMessage) console.log(`           ${t.error.displayMessage}`);
    }
    const body = req.response ? String(req.response.body || "") : "";
    if (body && tests.some((t) => t.status !== "SUCCESS" && t.status !== "SKIPPED")) {
      console.log(`           response body: ${body.length > 600 ? body.slice(0, 600) + "..." : body}`);
    }
  }
} catch (e) {
  console.log(`    could not read httpyac's JSON result: ${e.message}`);
  failed++;
}
console.log(`httpyac: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
