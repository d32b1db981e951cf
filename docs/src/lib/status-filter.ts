/** Progressive enhancement of the index: filter the grouped list by status. */
export function enableStatusFilter(root: Document): void {
  const fieldset = root.querySelector<HTMLFieldSetElement>('fieldset.status-filter');
  const announcer = root.querySelector<HTMLElement>('.filter-status');
  if (!fieldset) return;
  fieldset.hidden = false;

  const apply = (status: string) => {
    let shown = 0;
    for (const group of root.querySelectorAll<HTMLElement>('.term-group')) {
      let inGroup = 0;
      for (const item of group.querySelectorAll<HTMLLIElement>('li[data-status]')) {
        const visible = status === 'all' || item.dataset.status === status;
        item.hidden = !visible;
        if (visible) inGroup += 1;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    if (announcer) announcer.textContent = `Showing ${shown} ${shown === 1 ? 'entry' : 'entries'}.`;
  };

  fieldset.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.name === 'status') apply(input.value);
  });
}
