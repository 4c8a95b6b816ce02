// Unkey's error bodies: v1 `{"error":{code,docs,message,requestId}}` and v2 RFC 7807-like
// `{"meta":{requestId},"error":{title,detail,status,type}}`.
import { json, type EmulatorResponse } from '../vendor';

export type V1Code =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INSUFFICIENT_PERMISSIONS'
  | 'NOT_FOUND'
  | 'PRECONDITION_FAILED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

const V1_STATUS: Record<V1Code, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 403,
  FORBIDDEN: 403,
  INSUFFICIENT_PERMISSIONS: 403,
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

export function v1ErrorBody(code: V1Code, message: string, requestId: string): unknown {
  return { error: { code, docs: `https://unkey.dev/docs/api-reference/errors/code/${code}`, message, requestId } };
}

export function v1Error(code: V1Code, message: string, requestId: string, headers?: Record<string, string>): EmulatorResponse {
  return json(V1_STATUS[code], v1ErrorBody(code, message, requestId), headers);
}

const V2_KINDS = {
  400: { title: 'Bad Request', type: 'https://unkey.com/docs/errors/unkey/application/invalid_input' },
  401: { title: 'Unauthorized', type: 'https://unkey.com/docs/errors/unkey/authentication/key_not_found' },
  403: { title: 'Forbidden', type: 'https://unkey.com/docs/errors/unkey/authorization/insufficient_permissions' },
  404: { title: 'Not Found', type: 'https://unkey.com/docs/errors/unkey/data/api_not_found' },
  429: { title: 'Too Many Requests', type: 'https://unkey.com/docs/errors/user/too_many_requests/query_quota_exceeded' },
  500: { title: 'Internal Server Error', type: 'https://unkey.com/docs/errors/unkey/application/unexpected_error' },
  503: { title: 'Service Unavailable', type: 'https://unkey.com/docs/errors/unkey/application/service_unavailable' },
} as const;
export type V2Status = keyof typeof V2_KINDS;

export interface V2ErrorOptions {
  title?: string;
  type?: string;
  errors?: { location: string; message: string; fix?: string }[];
  headers?: Record<string, string>;
}

export function v2ErrorBody(status: number, detail: string, requestId: string, options: V2ErrorOptions = {}): unknown {
  const kind = (V2_KINDS as Record<number, { title: string; type: string } | undefined>)[status] ?? {
    title: 'Error',
    type: 'https://unkey.com/docs/errors/unkey/application/unexpected_error',
  };
  const error: Record<string, unknown> = {
    title: options.title ?? kind.title,
    detail,
    status,
    type: options.type ?? kind.type,
  };
  if (status === 400) error.errors = options.errors ?? [];
  return { meta: { requestId }, error };
}

export function v2Error(status: number, detail: string, requestId: string, options: V2ErrorOptions = {}): EmulatorResponse {
  return json(status, v2ErrorBody(status, detail, requestId, options), options.headers);
}
