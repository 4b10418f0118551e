import '../src/core/zod-jitless.ts';
import { render } from 'preact';
import './popup.css';
import { PopupApp } from './PopupApp.tsx';

render(<PopupApp />, document.getElementById('app')!);
