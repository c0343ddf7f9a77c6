import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/styles.css';
import { I18nProvider } from './app/i18n/index.tsx';
import { App } from './app/routes.tsx';
import { registerServiceWorker } from './app/push.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

// Offline copies and Web Push (web/public/sw.js); registered after the first render so it never delays it.
window.addEventListener('load', () => { void registerServiceWorker(); });
