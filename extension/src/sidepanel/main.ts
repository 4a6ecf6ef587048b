import { createApp } from 'vue';
import SidePanelApp from './SidePanelApp.vue';

createApp(SidePanelApp).mount('#app');
