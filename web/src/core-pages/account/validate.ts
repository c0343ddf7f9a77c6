/** "Please enter …" when a trimmed value is empty. */
export function required(value: string, t: (k: string) => string): string | undefined {
  return value.trim() ? undefined : t('form.required');
}
