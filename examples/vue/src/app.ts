// The entry point (index.html loads it): the elements are defined once, then the Vue app mounts.
import { createApp } from 'vue';
import '@mentorkit/elements/define-all.js';
import App from './App.vue';

createApp(App).mount('#app');
