/**
 * Text that came from a page (titles, authors, quotes), shown as stored. Bidi embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069) are left out of what is drawn, so a title stored as
 * "\u202Egpj.exe" reads "gpj.exe", not "exe.jpg"; and the run is a <bdi>, so right-to-left text cannot
 * reorder what stands next to it. Ordinary right-to-left text still reads right to left.
 */
import { t } from '../i18n/i18n.ts';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const hasBidiControls = (text: string) => HAS_BIDI_CONTROL.test(text);

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * An input cannot hold a <bdi>: under a field whose value holds such controls (and so is drawn in
 * another order than stored), this says so and shows the value as stored.
 */
export function BidiWarning({ text, id }: { text: string; id?: string }) {
  if (!hasBidiControls(text)) return null;
  return (
    <p id={id} class="error hint" data-testid="bidi-warning">
      {t('bidi_controls_warning')} <PageText text={withoutBidiControls(text)} />
    </p>
  );
}

export function PageText({ text, class: className }: { text: string; class?: string }) {
  return <bdi class={className}>{withoutBidiControls(text)}</bdi>;
}
