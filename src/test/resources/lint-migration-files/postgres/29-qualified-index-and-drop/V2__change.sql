CREATE INDEX IF NOT EXISTS book_code_idx ON public.book USING btree (code);
DROP TABLE public.audit_log;
