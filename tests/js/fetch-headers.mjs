// Fetch each URL given with Node's own fetch (undici) and print, per URL, the status, the headers as
// Node joins them, and whether Date parses: what a web player or a Node podcast client sees.
// Used by tests/publish/test_server.py. No packages needed.
const results = [];
for (const url of process.argv.slice(2)) {
  for (const method of ["GET", "HEAD"]) {
    const response = await fetch(url, { method, headers: { Range: "bytes=0-9" } });
    if (method === "GET") await response.arrayBuffer();
    const date = response.headers.get("date");
    results.push({
      url,
      method,
      status: response.status,
      date,
      dateParses: date !== null && !Number.isNaN(Date.parse(date)),
      headers: Object.fromEntries(response.headers.entries()),
    });
  }
}
process.stdout.write(JSON.stringify(results));
