CREATE TABLE employees (id int PRIMARY KEY, name text NOT NULL, salary numeric(10,2) NOT NULL, department text NOT NULL DEFAULT 'general');
CREATE VIEW employee_directory AS SELECT id, name FROM employees;
CREATE VIEW everything AS SELECT id, name, salary FROM employees;
