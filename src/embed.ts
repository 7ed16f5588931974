// Entry point of embed.html: the map, the slider, the legend and a line of figures, for an iframe in an article.
import { mount } from 'svelte';
import Embed from './Embed.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('embed.html has no #app element');
export default mount(Embed, { target });
