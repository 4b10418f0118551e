import { render } from 'preact';
import '../src/ui/theme.css';
import './sidepanel.css';
import { EditorApp } from './EditorApp.tsx';

document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
render(<EditorApp />, document.getElementById('app')!);
