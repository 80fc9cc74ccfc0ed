// The store server's HTTP API, rendered from its OpenAPI document
// (route meta.openApi, generated from the route table): one section per
// group, each route with who may call it, its parameters, body and answers.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { apiRoutes, parseUnknown, routeUrl } from '@vitrine/shared/core';
import { client } from '../common/api';
import { ApiDocument } from './api-document';
import { Operation } from './Operation';
import './api-reference.css';

const DOCUMENT_URL = routeUrl('', apiRoutes.meta.openApi, {});

async function loadDocument(): Promise<ApiDocument> {
  const response = await client.meta.openApi();
  const parsed = parseUnknown(ApiDocument, await response.json());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function ApiReference() {
  const [doc, setDoc] = useState<ApiDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadDocument().then(setDoc, (caught: unknown) => setError(String(caught)));
  }, []);
  if (error) return <p role="alert">The API description could not be loaded: {error}</p>;
  if (!doc) return <p>Loading…</p>;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <main className="api-reference">
      <h1>
        {doc.info.title} <small>API v{doc.info.version}</small>
      </h1>
      <p>{doc.info.description}</p>
      <p>
        <a href={DOCUMENT_URL} download="vitrine-openapi.json">
          OpenAPI 3.1 document (JSON)
        </a>{' '}
        · {operations.length} routes
      </p>
      <nav aria-label="Groups">
        {doc.tags.map((tag) => (
          <a key={tag.name} href={`#${tag.name}`}>
            {tag.name}
          </a>
        ))}
      </nav>
      {doc.tags.map((tag) => (
        <section key={tag.name} id={tag.name} aria-labelledby={`${tag.name}-title`}>
          <h2 id={`${tag.name}-title`}>{tag.name}</h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <Operation
                key={operation.operationId}
                path={path}
                method={method}
                operation={operation}
              />
            ))}
        </section>
      ))}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('api.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiReference />
  </StrictMode>,
);
