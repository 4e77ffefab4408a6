-- The tables of the RIME job watcher across replicas (rime.watcher.cluster.enabled=true), with the
-- default prefix RIME_ (rime.watcher.cluster.jdbc.table-prefix). For Flyway or Liquibase, copy this
-- script into a migration and set rime.watcher.cluster.jdbc.initialize-schema=never.

-- The election's lock: the layout of Spring Integration's INT_LOCK, under our own prefix.
CREATE TABLE RIME_LOCK (
	LOCK_KEY CHAR(36) NOT NULL,
	REGION VARCHAR(100) NOT NULL,
	CLIENT_ID CHAR(36),
	CREATED_DATE DATETIME(6) NOT NULL,
	EXPIRED_AFTER DATETIME(6) NOT NULL,
	CONSTRAINT RIME_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
) ENGINE=InnoDB;

-- One row per group: the epoch of its current leader, bumped on every grant; fences older leaders.
CREATE TABLE RIME_WATCHER_LEADER (
	GROUP_ID VARCHAR(100) NOT NULL,
	EPOCH BIGINT NOT NULL,
	OWNER_ID VARCHAR(100) NOT NULL,
	GRANTED_AT DATETIME(6) NOT NULL,
	CONSTRAINT RIME_WATCHER_LEADER_PK PRIMARY KEY (GROUP_ID)
) ENGINE=InnoDB;

-- One row per watched job: its last recorded status and its state WATCHED, CLAIMED or ANNOUNCED.
CREATE TABLE RIME_WATCHER_JOB (
	GROUP_ID VARCHAR(100) NOT NULL,
	JOB_ID VARCHAR(255) NOT NULL,
	PROJECT_ID VARCHAR(255) NOT NULL,
	STATUS VARCHAR(32) NOT NULL,
	STATE VARCHAR(16) NOT NULL,
	ADOPTED_EPOCH BIGINT,
	CLAIM_EPOCH BIGINT,
	CLAIMED_BY VARCHAR(100),
	CLAIMED_AT DATETIME(6),
	ANNOUNCED_AT DATETIME(6),
	REGISTERED_AT DATETIME(6) NOT NULL,
	CONSTRAINT RIME_WATCHER_JOB_PK PRIMARY KEY (GROUP_ID, JOB_ID)
) ENGINE=InnoDB;

CREATE INDEX RIME_WATCHER_JOB_STATE_IX ON RIME_WATCHER_JOB (GROUP_ID, STATE, ADOPTED_EPOCH);
