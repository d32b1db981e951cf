/**
 * The header lookup: a WAI-ARIA 1.2 combobox with a listbox popup, backed by @luxlint/search
 * (the same ranking as `luxlint lookup`). The search package and the dataset load on first use.
 * Everything the user typed and every result is written with textContent, never as HTML.
 */
import type { SearchResult, Searcher } from '@luxlint/search';
import { statusLabels } from './labels';
import { termPath } from './paths';

let searcher: Promise<Searcher> | undefined;

function loadSearcher(): Promise<Searcher> {
  // The package's default search: the dataset with the index prebuilt at build time, exactly
  // what `luxlint lookup` uses.
  searcher ??= import('@luxlint/search').then(({ getDefaultSearch }) => getDefaultSearch());
  return searcher;
}

const resultLimit = 8;

class TermSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #listbox!: HTMLUListElement;
  #status!: HTMLElement;
  #results: SearchResult[] = [];
  #active = -1;
  #query = 0;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[role="combobox"]');
    const listbox = this.querySelector<HTMLUListElement>('[role="listbox"]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const form = this.querySelector('form');
    if (!input || !listbox || !status || !form) return;
    this.#input = input;
    this.#listbox = listbox;
    this.#status = status;

    input.addEventListener('focus', () => void loadSearcher(), { once: true });
    input.addEventListener('input', () => void this.#update());
    input.addEventListener('keydown', (event) => this.#onKeydown(event));
    input.addEventListener('blur', () => {
      // Let a click on an option land before the popup closes.
      window.setTimeout(() => {
        if (!this.contains(document.activeElement)) this.#close();
      }, 150);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#open(this.#active >= 0 ? this.#active : 0);
    });
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (option?.dataset.index) this.#open(Number(option.dataset.index));
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target?.isContentEditable;
      if (
        (event.key === '/' && !typing) ||
        (event.key === 'k' && (event.ctrlKey || event.metaKey))
      ) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  async #update(): Promise<void> {
    const query = this.#input.value;
    const ticket = ++this.#query;
    if (query.trim() === '') {
      this.#results = [];
      this.#render(query);
      return;
    }
    const search = await loadSearcher();
    if (ticket !== this.#query) return;
    this.#results = search.search(query, { limit: resultLimit });
    this.#render(query);
  }

  #render(query: string): void {
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const items = this.#results.map((result, index) => {
      const item = document.createElement('li');
      item.id = `term-search-option-${index}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.dataset.index = String(index);
      item.dataset.id = result.term.id;

      const name = document.createElement('span');
      name.className = 'term-search-name';
      name.textContent = result.term.text.en.term;
      const badge = document.createElement('span');
      badge.className = `status-badge status-${result.term.status}`;
      badge.textContent = statusLabels[result.term.status];
      item.append(name, ' ', badge);
      const preferred = result.preferred[0];
      if (preferred && result.term.status !== 'use') {
        const instead = document.createElement('span');
        instead.className = 'term-search-instead';
        instead.textContent = `Use: ${preferred}`;
        item.append(instead);
      }
      return item;
    });
    this.#listbox.replaceChildren(...items);
    // Which query the list answers: lets tests (and debugging) tell fresh results from stale.
    this.#listbox.dataset.query = query;

    if (query.trim() === '') {
      this.#close();
      this.#status.textContent = '';
      return;
    }
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'term-search-empty';
      empty.setAttribute('role', 'option');
      empty.setAttribute('aria-disabled', 'true');
      empty.setAttribute('aria-selected', 'false');
      empty.textContent = `No entry for “${query.trim()}”`;
      this.#listbox.replaceChildren(empty);
    }
    this.#listbox.hidden = false;
    this.#input.setAttribute('aria-expanded', 'true');
    this.#status.textContent =
      items.length === 0
        ? 'No matching entry.'
        : `${items.length} ${items.length === 1 ? 'entry' : 'entries'} found.`;
  }

  #close(): void {
    this.#listbox.hidden = true;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
    this.#active = -1;
  }

  #setActive(index: number): void {
    const options = [...this.#listbox.querySelectorAll<HTMLElement>('[role="option"][data-index]')];
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    for (const [position, option] of options.entries()) {
      option.setAttribute('aria-selected', String(position === this.#active));
    }
    const current = options[this.#active];
    if (current) {
      this.#input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (this.#listbox.hidden && this.#input.value.trim() !== '') void this.#update();
        else this.#setActive(this.#active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.#setActive(this.#active - 1);
        break;
      case 'Escape':
        if (!this.#listbox.hidden) {
          event.preventDefault();
          this.#close();
        } else if (this.#input.value !== '') {
          event.preventDefault();
          this.#input.value = '';
        }
        break;
      default:
    }
  }

  #open(index: number): void {
    const result = this.#results[index];
    if (result) window.location.assign(termPath(result.term.id));
  }
}

export function defineTermSearch(): void {
  if (!customElements.get('term-search')) customElements.define('term-search', TermSearch);
}
