--
-- PostgreSQL database dump
--

\restrict dD3lz2uNTpRYxKhbIHFiL4OoDz1UiQkra66vLswePV25Q2AeOL15AcqIjmVdf4n

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO postgres;

--
-- Name: status; Type: TYPE; Schema: shop; Owner: postgres
--

CREATE TYPE shop.status AS ENUM (
    'new',
    'paid'
);


ALTER TYPE shop.status OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;


ALTER FUNCTION shop.touch() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders (
    id bigint NOT NULL,
    status shop.status DEFAULT 'new'::shop.status NOT NULL,
    total numeric(10,2),
    updated_at timestamp with time zone
);


ALTER TABLE shop.orders OWNER TO postgres;

--
-- Name: TABLE orders; Type: COMMENT; Schema: shop; Owner: postgres
--

COMMENT ON TABLE shop.orders IS 'orders placed';


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.orders_id_seq OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;


--
-- Name: paid; Type: VIEW; Schema: shop; Owner: postgres
--

CREATE VIEW shop.paid AS
 SELECT orders.id,
    orders.total
   FROM shop.orders
  WHERE (orders.status = 'paid'::shop.status);


ALTER TABLE shop.paid OWNER TO postgres;

--
-- Name: orders id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ALTER COLUMN id SET DEFAULT nextval('shop.orders_id_seq'::regclass);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_status; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_status ON shop.orders USING btree (status);


--
-- Name: orders orders_touch; Type: TRIGGER; Schema: shop; Owner: postgres
--

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();


--
-- PostgreSQL database dump complete
--

\unrestrict dD3lz2uNTpRYxKhbIHFiL4OoDz1UiQkra66vLswePV25Q2AeOL15AcqIjmVdf4n

