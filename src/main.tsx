import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Home() {
  return (
    <main>
      <h1>LLM Math Explorer</h1>
      <p>Every formula behind large language models as a live card.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
