-- docker-compose.yml: run once by the postgres image on an empty data volume
-- (/docker-entrypoint-initdb.d). Creates the four empty databases; each service's Flyway creates its tables.
CREATE DATABASE loyalty;
CREATE DATABASE segmentation;
CREATE DATABASE campaign;
CREATE DATABASE feedback;
