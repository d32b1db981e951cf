/**
 * The checker page: lint pasted text or a dropped file with @luxlint/lint, in the page.
 * Nothing is sent anywhere. Every piece of user text is written with textContent.
 */
import type { Format, LintOptions } from '@luxlint/lint';
import type { Finding, LintResponse } from './checker-types';
import { copyText, flash } from './copy';
import { statusLabels } from './labels';
import { sitePath } from './paths';

const contextLabels: Record<string, string> = {
  'legal-title': 'left alone: part of the title of a legal instrument or organisation',
  quotation: 'left alone: inside a quotation',
  mention: 'left alone: the term is mentioned as a term',
  adult: 'left alone: about adults',
  preferred: 'left alone: part of a preferred term',
  allowed: 'left alone: an allowed phrase',
};

/** Files larger than this are refused before reading: a draft is never this big. */
const maxFileBytes = 20 * 1024 * 1024;
/** Text longer than this (after extraction) is refused: the page would freeze. */
const maxTextLength = 2_000_000;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The plugin's reason marks terms with backticks (“Consider `x` instead of `y`”): show those as
 * code, as text nodes only, never as parsed HTML.
 */
function withCodeSpans(text: string): Array<string | HTMLElement> {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? element('code', undefined, part) : part))
    .filter((part) => part !== '');
}

/** How far the context reaches on each side of a match when no sentence boundary is nearer. */
const contextReach = 240;
const sentenceEnd = /[.!?]["'”’)\]]*(?=\s)|\n\s*\n/g;

/** The sentence around a span, as [before, match, after]: the context shown with each finding. */
export function sentenceAround(text: string, start: number, end: number): [string, string, string] {
  const windowStart = Math.max(0, start - contextReach);
  let from = windowStart;
  for (const boundary of text.slice(windowStart, start).matchAll(sentenceEnd)) {
    from = windowStart + boundary.index + boundary[0].length;
  }
  const windowEnd = Math.min(text.length, end + contextReach);
  const next = sentenceEnd.exec(text.slice(end, windowEnd));
  sentenceEnd.lastIndex = 0;
  const to = next ? end + next.index + next[0].trimEnd().length : windowEnd;
  const before =
    (from > 0 && from === windowStart ? '…' : '') + text.slice(from, start).trimStart();
  const after = text.slice(end, to).trimEnd() + (!next && to < text.length ? '…' : '');
  return [before, text.slice(start, end), after];
}

async function readFileText(file: File): Promise<{ text: string; format: Format }> {
  if (file.size > maxFileBytes) {
    throw new Error(
      `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the checker reads files up to 20 MB.`,
    );
  }
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) {
    const { default: mammoth } = await import('mammoth/mammoth.browser.js');
    try {
      const result = await mammoth.extractRawText({ arrayBuffer: await file.arrayBuffer() });
      return { text: result.value, format: 'text' };
    } catch {
      throw new Error(`${file.name} could not be read as a Word document (.docx).`);
    }
  }
  const format: Format | undefined =
    name.endsWith('.md') || name.endsWith('.markdown')
      ? 'markdown'
      : name.endsWith('.txt')
        ? 'text'
        : undefined;
  if (!format) {
    throw new Error(`${file.name}: the checker reads .txt, .md and .docx files.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(`${file.name} is not UTF-8 text.`);
  }
  if (text.includes('\u0000')) throw new Error(`${file.name} looks like a binary file, not text.`);
  return { text: text.replace(/^\uFEFF/, ''), format };
}

export function enableChecker(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('#checker');
  const textarea = root.querySelector<HTMLTextAreaElement>('#checker-text');
  const fileInput = root.querySelector<HTMLInputElement>('#checker-file');
  const formatSelect = root.querySelector<HTMLSelectElement>('#checker-format');
  const presetSelect = root.querySelector<HTMLSelectElement>('#checker-preset');
  const skipped = root.querySelector<HTMLInputElement>('#checker-skipped');
  const dropZone = root.querySelector<HTMLElement>('[data-drop-zone]');
  const fileStatus = root.querySelector<HTMLElement>('[data-file-status]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  const list = root.querySelector<HTMLOListElement>('[data-findings]');
  const copyFixed = root.querySelector<HTMLButtonElement>('[data-copy-fixed]');
  if (!form || !textarea || !fileInput || !formatSelect || !presetSelect || !skipped || !dropZone)
    return;
  if (!fileStatus || !summary || !list || !copyFixed) return;

  let fixedText = '';
  let worker: Worker | undefined;
  let pending = 0;
  let ticket = 0;

  const lintInWorker = (value: string, options: LintOptions) =>
    new Promise<LintResponse>((resolve) => {
      // A new check replaces one still running: the old worker is stopped, not waited for.
      if (worker && pending !== 0) {
        worker.terminate();
        worker = undefined;
      }
      worker ??= new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
      const id = ++ticket;
      pending = id;
      worker.onmessage = ({ data }: MessageEvent<LintResponse>) => {
        if (data.id !== id) return;
        pending = 0;
        resolve(data);
      };
      worker.onerror = (event) => {
        pending = 0;
        worker?.terminate();
        worker = undefined;
        resolve({ id, ok: false, error: event.message || 'the checker stopped unexpectedly' });
      };
      worker.postMessage({ id, value, options });
    });

  const run = async () => {
    const value = textarea.value;
    summary.textContent = 'Checking…';
    list.replaceChildren();
    copyFixed.hidden = true;
    if (value.length > maxTextLength) {
      summary.textContent =
        'This text is too long for the checker (over 2 million characters). Split it, or use the luxlint command line.';
      return;
    }
    const options: LintOptions = {
      format: formatSelect.value as Format,
      preset: presetSelect.value === 'guidelines' ? 'guidelines' : 'all',
      reportSkipped: skipped.checked,
      baseUrl: new URL(sitePath('terms/'), window.location.href).href,
    };
    const response = await lintInWorker(value, options);
    if (!response.ok) {
      summary.textContent = `The text could not be checked: ${response.error}. Try a shorter part of it, or the luxlint command line.`;
      return;
    }
    render(value, response.findings);
    fixedText = response.fixed;
    copyFixed.hidden = fixedText === value;
  };

  const render = (value: string, findings: Finding[]) => {
    const faults = findings.filter((finding) => !finding.context);
    const avoid = faults.filter((finding) => finding.status === 'avoid').length;
    const caution = faults.length - avoid;
    const left = findings.length - faults.length;
    summary.textContent =
      faults.length === 0
        ? `No discouraged terms found${left ? ` (${left} left alone)` : ''}.`
        : `${faults.length} ${faults.length === 1 ? 'finding' : 'findings'}: ${avoid} to avoid, ${caution} to use with care${left ? `; ${left} left alone` : ''}.`;

    list.replaceChildren(
      ...findings.map((finding) => {
        const item = element('li', 'finding');
        item.dataset.ruleId = finding.ruleId;
        const { start, end } = finding;
        const actual = finding.actual || value.slice(start, end);

        const head = element('p', 'finding-head');
        head.append(element('strong', 'finding-actual', actual), ' ');
        const status = finding.status ?? 'caution';
        const badge = element('span', `status-badge status-${status}`, statusLabels[status]);
        head.append(badge);
        if (finding.line)
          head.append(
            ' ',
            element('span', 'term-meta', `line ${finding.line}, column ${finding.column}`),
          );
        item.append(head);
        if (finding.context)
          item.append(
            element(
              'p',
              'term-meta',
              contextLabels[finding.context] ?? `left alone: ${finding.context}`,
            ),
          );

        const [before, match, after] = sentenceAround(value, start, end);
        const sentence = element('blockquote', 'finding-context');
        const line = element('p');
        line.append(before, element('mark', undefined, match), after);
        sentence.append(line);
        item.append(sentence);

        const expected = finding.expected;
        if (expected.length > 0 && !finding.context) {
          const suggestions = element('div', 'finding-suggestions');
          suggestions.append(
            element(
              'span',
              'finding-label',
              expected.length === 1 ? 'Suggestion:' : 'Suggestions:',
            ),
          );
          const options = element('ul');
          for (const suggestion of expected) {
            const option = element('li');
            const copy = element('button', 'copy-button', 'Copy');
            copy.type = 'button';
            copy.setAttribute('aria-label', `Copy “${suggestion}”`);
            copy.dataset.copy = suggestion;
            copy.addEventListener('click', async () => flash(copy, await copyText(suggestion)));
            option.append(element('span', 'finding-suggestion', suggestion), ' ', copy);
            options.append(option);
          }
          suggestions.append(options);
          item.append(suggestions);
        }
        const reason = element('p', 'finding-reason');
        reason.append(...withCodeSpans(finding.reason));
        item.append(reason);
        if (finding.url) {
          const link = element('a', 'finding-link', `Why, and when the term is still correct`);
          link.href = finding.url;
          link.setAttribute(
            'aria-label',
            `About “${actual}”: why, and when the term is still correct`,
          );
          const more = element('p');
          more.append(link);
          item.append(more);
        }
        return item;
      }),
    );
  };

  const load = async (file: File) => {
    fileStatus.textContent = `Reading ${file.name}…`;
    try {
      const { text, format } = await readFileText(file);
      if (text.length > maxTextLength)
        throw new Error(`${file.name} holds more text than the checker can handle.`);
      textarea.value = text;
      formatSelect.value = format;
      fileStatus.textContent = `Read ${file.name} (${text.length.toLocaleString('en')} characters), in your browser.`;
      await run();
    } catch (error) {
      fileStatus.textContent = error instanceof Error ? error.message : String(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void load(file);
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void load(file);
  });
  copyFixed.addEventListener('click', async () =>
    flash(copyFixed, await copyText(fixedText), 'the text with the safe fixes applied'),
  );
}
