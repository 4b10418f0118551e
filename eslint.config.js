import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/** Page data is rendered only as text: every HTML sink is banned, not just reviewed. */
const htmlSinkBans = {
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Render page data as text (textContent), never as HTML.' },
    { property: 'outerHTML', message: 'Render page data as text (textContent), never as HTML.' },
    { property: 'insertAdjacentHTML', message: 'Render page data as text, never as HTML.' },
    { object: 'document', property: 'write', message: 'document.write is banned.' },
    { object: 'document', property: 'writeln', message: 'document.writeln is banned.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'dangerouslySetInnerHTML is banned: render page data as text.',
    },
    {
      selector: "Property[key.name='dangerouslySetInnerHTML']",
      message: 'dangerouslySetInnerHTML is banned: render page data as text.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'packages/**', 'node_modules/**', '.tmp/**', 'artifacts/**', '.data/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      ...htmlSinkBans,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
