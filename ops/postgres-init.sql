-- Run once by the postgres image when its data volume is new (/docker-entrypoint-initdb.d): the schema
-- registry gets its own database beside the job's (POSTGRES_DB). Apicurio creates its tables itself.
CREATE DATABASE registry OWNER billing;
