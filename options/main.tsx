import '../src/core/zod-jitless.ts';
import { render } from 'preact';
import './options.css';
import { OptionsApp } from './OptionsApp.tsx';

render(<OptionsApp />, document.getElementById('app')!);
