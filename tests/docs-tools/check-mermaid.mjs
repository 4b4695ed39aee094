// Parses every Mermaid block of the Markdown files named on the command line with Mermaid's own
// parser, under a DOM made by jsdom (Mermaid reads window and document when it loads, and its
// sanitizer needs them to parse labels). Prints one JSON object per block:
//   {"file": ..., "line": <line of the opening fence>, "type": ..., "ok": true|false, "error": ...}
// and exits 1 when a block does not parse, 2 when Mermaid cannot be loaded.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'MutationObserver']) {
  if (globalThis[name] === undefined) {
    globalThis[name] = dom.window[name];
  }
}

let mermaid;
try {
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
} catch (error) {
  console.error(`cannot load mermaid: ${error.stack ?? error}`);
  process.exit(2);
}

function* blocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let fence = null;
  let start = 0;
  let body = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence === null) {
      const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (open) {
        fence = { marker: open[2], language: open[3].toLowerCase() };
        start = i + 1;
        body = [];
      }
    } else if (line.trim().startsWith(fence.marker[0].repeat(fence.marker.length))
        && line.trim().replace(/[`~]/g, '') === '') {
      if (fence.language === 'mermaid') {
        yield { line: start, text: body.join('\n') };
      }
      fence = null;
    } else {
      body.push(line);
    }
  }
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const block of blocks(file)) {
    try {
      const result = await mermaid.parse(block.text);
      console.log(JSON.stringify({ file, line: block.line, type: result.diagramType, ok: true }));
    } catch (error) {
      failed++;
      const message = String(error.message ?? error).split('\n').slice(0, 6).join('\n');
      console.log(JSON.stringify({ file, line: block.line, ok: false, error: message }));
    }
  }
}

process.exit(failed > 0 ? 1 : 0);
