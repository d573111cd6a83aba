/**
 * The editor's one HTML page: an empty frame the script fills. It carries no course text at all
 * (course text reaches the page only as data, set with textContent and form values). `nonce` lets
 * CodeMirror's own style elements in, and nothing else inline.
 */
export function pageShell(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Course editor</title>
<meta name="style-nonce" content="${nonce}">
<link rel="stylesheet" href="/editor.css">
<script src="/editor.js" defer></script>
</head>
<body>
<div id="app"><p>Loading the editor…</p></div>
</body>
</html>
`;
}
