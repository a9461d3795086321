// Stylesheets imported for their side effect in stories (Vite injects them into the page).
declare module '*.css';
