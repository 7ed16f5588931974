// Entry point of embed.html: the map, the slider, the legend and a line of figures, for an iframe in an article.
import { mount } from 'svelte';
import Embed from './Embed.svelte';
import { i18n, initialLocale } from './lib/i18n/i18n.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('embed.html has no #app element');
// The embed speaks the language its link names (the app writes lang= when it is not English), else the reader's
// browser's; it does not read or write the app's remembered choice, being a guest in another site's page.
const locale = initialLocale(location.hash, null, navigator.languages);
export default i18n.setLocale(locale).catch(() => undefined).then(() => mount(Embed, { target }));
