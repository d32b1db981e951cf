/** Copy buttons: `<button data-copy="text">`. The outcome is announced in the button itself. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** One polite live region for the whole page, so screen readers hear the outcome. */
function announcer(): HTMLElement {
  let region = document.querySelector<HTMLElement>('#copy-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-announcer';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

export function flash(button: HTMLButtonElement, copied: boolean, what?: string): void {
  announcer().textContent = copied
    ? `Copied ${what ?? `“${button.dataset.copy ?? ''}”`}.`
    : 'Copying is not available here: select the text and copy it by hand.';
  const label = button.dataset.label ?? button.textContent ?? 'Copy';
  button.dataset.label = label;
  button.textContent = copied ? 'Copied' : 'Select and copy by hand';
  window.setTimeout(() => {
    button.textContent = label;
  }, 2000);
}

export function enableCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (button.dataset.copyReady) continue;
    button.dataset.copyReady = 'true';
    button.addEventListener('click', async () => {
      flash(button, await copyText(button.dataset.copy ?? ''));
    });
  }
}
