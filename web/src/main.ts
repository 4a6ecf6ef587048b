import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

const app = createApp(App);
const i18n = createAppI18n();
app.use(createPinia()).use(i18n).use(createAppRouter());
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
