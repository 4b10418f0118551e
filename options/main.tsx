import '../src/core/zod-jitless.ts';
import { render } from 'preact';
import '../src/ui/theme.css';
import './options.css';
import { OptionsApp } from './OptionsApp.tsx';

render(<OptionsApp />, document.getElementById('app')!);
