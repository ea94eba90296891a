-- A self-referencing tree and a pair of tables that reference each other.
CREATE TABLE categories (
  id INT PRIMARY KEY,
  parent_id INT NULL,
  name VARCHAR(50) NOT NULL,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL
);
CREATE TABLE employees (
  id INT PRIMARY KEY,
  department_id INT
);
CREATE TABLE departments (
  id INT PRIMARY KEY,
  manager_id INT,
  CONSTRAINT fk_manager FOREIGN KEY (manager_id) REFERENCES employees (id)
);
ALTER TABLE employees ADD CONSTRAINT fk_department FOREIGN KEY (department_id) REFERENCES departments (id);
