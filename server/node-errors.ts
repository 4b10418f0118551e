/**
 * Refusals that Node's HTTP server makes before Hono sees a request (a malformed request line,
 * oversized headers, an unknown `Expect`, a Host that is not a host), sent in the archive's JSON
 * error shape instead of Node's empty bodies.
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';
import { errorBody } from './errors.ts';

type Problem = [status: number, code: string, message: string];

const PARSER_PROBLEMS: Record<string, Problem> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request line and headers are larger than the server accepts.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time.'],
};
const MALFORMED: Problem = [400, 'bad_request', 'The request is not valid HTTP/1.1.'];
const JSON_TYPE = 'application/json; charset=utf-8';

function rawResponse([status, code, message]: Problem): string {
  const body = JSON.stringify(errorBody(code, message));
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** `serve({ errorHandler })`: a request @hono/node-server cannot turn into a URL (bad Host, backslash in the path). */
export function requestErrorResponse(error: unknown): Response {
  const [status, code, message]: Problem =
    error instanceof RequestError ? [400, 'bad_request', `The request is not valid: ${error.message}.`] : [500, 'internal', 'The archive failed to handle this request.'];
  return new Response(JSON.stringify(errorBody(code, message)), { status, headers: { 'content-type': JSON_TYPE } });
}

export function answerParserErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // A reset connection, or one whose response has begun, cannot take an error reply.
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(PARSER_PROBLEMS[error.code ?? ''] ?? MALFORMED));
  });
  server.on('checkExpectation', (_request, response) => {
    response.writeHead(417, { 'content-type': JSON_TYPE, connection: 'close' });
    response.end(JSON.stringify(errorBody('expectation_failed', 'Only "Expect: 100-continue" is supported.')));
  });
}
