import type { ServerResponse } from 'node:http';
import type { Fault } from './faults.js';
import type {
  SimulatedProvider,
  SimulatorRequest,
  SimulatorResponse,
  SimulatorRoute,
} from './simulated-provider.js';
import { send, streamHuge } from './simulator-http.js';

/** Answers `request` with `fault`, in `provider`'s own shape where the fault has one. */
export function serveFault(
  fault: Fault,
  provider: SimulatedProvider,
  route: SimulatorRoute,
  request: SimulatorRequest,
  response: ServerResponse,
): void {
  switch (fault.type) {
    case 'error':
      send(response, provider.errorResponse(fault, request, route));
      return;
    case 'code':
      send(response, provider.codeResponse(fault, request, route));
      return;
    case 'status':
      send(response, {
        status: fault.status,
        body: fault.body ?? '',
        ...(fault.headers ? { headers: fault.headers } : {}),
      });
      return;
    case 'no-answer':
      // Hold the socket: the client's timeout is what ends this exchange.
      return;
    case 'reset':
      response.socket?.write(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"sid":"SM',
      );
      response.socket?.resetAndDestroy();
      return;
    case 'malformed':
      if (fault.body === 'huge') {
        streamHuge(response);
        return;
      }
      send(response, malformed(fault.body));
      return;
    case 'delay':
      return;
  }
}

function malformed(kind: 'json' | 'html' | 'empty' | 'wrong-shape'): SimulatorResponse {
  switch (kind) {
    case 'json':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"sid": "SM1", "status": ',
      };
    case 'html':
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<!DOCTYPE html><html><body><h1>Service Temporarily Unavailable</h1></body></html>',
      };
    case 'empty':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '' };
    case 'wrong-shape':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' };
  }
}
