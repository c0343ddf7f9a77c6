/**
 * Puts text on the clipboard; true when it got there. Where the Clipboard API is refused (older
 * browsers, no secure context): with `selectId`, that input's text is selected so the person copies it
 * by hand (false); without, a hidden textarea is copied through the older execCommand.
 */
export async function copyText(text: string, selectId?: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (selectId) {
      (document.getElementById(selectId) as HTMLInputElement | null)?.select();
      return false;
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
