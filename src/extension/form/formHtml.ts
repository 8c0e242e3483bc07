import * as vscode from 'vscode';

/** Where the webview's bundle is built (scripts/build.mjs): main.js and main.css. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** The only folders the webview may load from: the bundle and the static media. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [webviewRoot(extensionUri), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** A fresh nonce for one render: 128 random bits, base64 (CSP allows `+`, `/` and `=`). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy of the form: nothing inline runs, only the nonce'd bundle. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML shell of one form panel. It holds no file content: the state arrives as a message once
 * the script says `ready`, and the webview inserts it as text.
 */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = newNonce()): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')).toString();
  // The build always writes main.css beside main.js (webview-ui imports its styles).
  const css = webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.css')).toString();
  const csp = contentSecurityPolicy(webview.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(css)}" nonce="${escapeAttr(nonce)}">
<title>Milestone Form</title>
</head>
<body>
<div id="app"></div>
<div id="live" class="live" role="status" aria-live="polite"></div>
<script type="module" nonce="${escapeAttr(nonce)}" src="${escapeAttr(script)}"></script>
</body>
</html>`;
}
