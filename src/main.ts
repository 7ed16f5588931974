// Entry point: picks the UI language (link, remembered choice, browser), loads its messages, mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { i18n, initialLocale, storedLocale } from './lib/i18n/i18n.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const locale = initialLocale(location.hash, storedLocale(), navigator.languages);
// English is built in; another language's catalogue is fetched first, so the page never flashes in the wrong one.
// If it cannot be fetched the app still starts, in English.
export default i18n.setLocale(locale).catch(() => undefined).then(() => mount(App, { target }));
