import { createApp } from 'vue';
import { createPinia } from 'pinia';
import TheSidePanel from './TheSidePanel.vue';
import './panel.css';

createApp(TheSidePanel).use(createPinia()).mount('#app');
