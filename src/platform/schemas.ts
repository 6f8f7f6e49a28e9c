/** Schema pieces every feature's routes use. */
import { Type } from 'typebox';
import { PARTICIPANT_STATUSES, RANKS, REGISTRATION_CATEGORIES } from '../db/schema.js';

export const Localized = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' }),
  Type.String({ maxLength: 300 }),
);
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
export const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,31}$' });
export const Uuid = Type.String({ format: 'uuid' });
export const Rank = Type.Union(RANKS.map((r) => Type.Literal(r)));
export const Category = Type.Union(REGISTRATION_CATEGORIES.map((c) => Type.Literal(c)));
export const Status = Type.Union(PARTICIPANT_STATUSES.map((s) => Type.Literal(s)));
export const Instant = Type.String({ format: 'date-time' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
export const LangQuery = {
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')])),
};
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
};

export const ErrorResponse = Type.Object({
  error: Type.Object(
    {
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            line: Type.Optional(Type.Integer()),
            field: Type.Optional(Type.String()),
            code: Type.String(),
            message: Type.String(),
          }),
        ),
      ),
    },
    { additionalProperties: true },
  ),
});

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;
