// One route of the API reference: method and path, summary, who may call it,
// then its parameters, body and answers as JSON Schema, folded until opened.
import type { Content, OperationDoc } from './api-document';

function SchemaBlock(props: { title: string; content: Content | undefined }) {
  const entries = Object.entries(props.content ?? {});
  if (entries.length === 0) return null;
  return (
    <details>
      <summary>{props.title}</summary>
      {entries.map(([type, { schema }]) => (
        <div key={type}>
          <code>{type}</code>
          {schema && <pre>{JSON.stringify(schema, null, 2)}</pre>}
        </div>
      ))}
    </details>
  );
}

export function Operation(props: { path: string; method: string; operation: OperationDoc }) {
  const { operation } = props;
  return (
    <article className="operation" id={operation.operationId}>
      <h3>
        <span className={`method method-${props.method}`}>{props.method.toUpperCase()}</span>{' '}
        <code>{props.path}</code>
      </h3>
      <p>
        {operation.summary}. <em>{operation.description}</em> <code>{operation.operationId}</code>
      </p>
      {operation.parameters.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">parameter</th>
              <th scope="col">in</th>
              <th scope="col">schema</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`}>
                <td>
                  <code>{parameter.name}</code>
                  {parameter.required ? ' *' : ''}
                </td>
                <td>{parameter.in}</td>
                <td>
                  <code>{JSON.stringify(parameter.schema)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {operation.requestBody && (
        <SchemaBlock
          title={`Body: ${operation.requestBody.description}`}
          content={operation.requestBody.content}
        />
      )}
      {Object.entries(operation.responses).map(([status, response]) => (
        <SchemaBlock
          key={status}
          title={`${status}: ${response.description}`}
          content={response.content ?? { '': {} }}
        />
      ))}
    </article>
  );
}
