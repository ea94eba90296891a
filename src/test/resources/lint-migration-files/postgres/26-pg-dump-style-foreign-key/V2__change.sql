ALTER TABLE ONLY public.book
    ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES public.author(id);
