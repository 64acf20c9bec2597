CREATE TABLE `reach_days` (
	`team_id` text NOT NULL,
	`day` integer NOT NULL,
	`phase_idx` integer NOT NULL,
	`owner_id` text DEFAULT '' NOT NULL,
	`reaches` integer DEFAULT 0 NOT NULL,
	`open_reaches` integer DEFAULT 0 NOT NULL,
	`leaves` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reach_days_key` ON `reach_days` (`team_id`,`day`,`phase_idx`,`owner_id`);--> statement-breakpoint
CREATE INDEX `reach_days_sums` ON `reach_days` (`team_id`,`day`,`phase_idx`,`owner_id`,`reaches`,`open_reaches`,`leaves`);--> statement-breakpoint
DROP INDEX `accounts_team_quotes`;--> statement-breakpoint
CREATE INDEX `accounts_team_quotes` ON `accounts` (`team_id`,`phase`,`latest_quote_at`,`latest_quote_currency`,`latest_quote_amount`,`archived_at`,`owner_id`,`phase_since`);--> statement-breakpoint
DROP INDEX `phase_reaches_cohort`;--> statement-breakpoint
ALTER TABLE `phase_reaches` ADD `won_at` integer;--> statement-breakpoint
CREATE INDEX `phase_reaches_left` ON `phase_reaches` (`team_id`,`phase_idx`,`left_at`,`owner_id`) WHERE "phase_reaches"."left_at" is not null;--> statement-breakpoint
CREATE INDEX `phase_reaches_long` ON `phase_reaches` (`team_id`,`phase_idx`,"left_at" - "at",`at`,`left_at`,`owner_id`) WHERE "phase_reaches"."left_at" is not null;--> statement-breakpoint
CREATE INDEX `phase_reaches_again` ON `phase_reaches` (`team_id`,`phase_idx`,`prev_at`,`at`,`left_at`,`owner_id`) WHERE "phase_reaches"."prev_at" is not null;--> statement-breakpoint
CREATE INDEX `phase_reaches_cohort` ON `phase_reaches` (`team_id`,`phase_idx`,`at`,`prev_at`,`left_at`,`owner_id`,`won_at`,`account_id`);--> statement-breakpoint
-- won_at: the account's first reach of customer (phase_idx 5) or a later phase at or after this reach
UPDATE `phase_reaches` SET `won_at` = (SELECT min(w.`at`) FROM `phase_reaches` w WHERE w.`account_id` = `phase_reaches`.`account_id` AND w.`phase_idx` >= 5 AND w.`at` >= `phase_reaches`.`at`);--> statement-breakpoint
CREATE TRIGGER `phase_reaches_won_after_insert` AFTER INSERT ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `won_at` = (SELECT min(w.`at`) FROM `phase_reaches` w WHERE w.`account_id` = `phase_reaches`.`account_id` AND w.`phase_idx` >= 5 AND w.`at` >= `phase_reaches`.`at`)
  WHERE `account_id` = NEW.`account_id` AND (rowid = NEW.rowid OR (NEW.`phase_idx` >= 5 AND `at` <= NEW.`at`));
END;--> statement-breakpoint
CREATE TRIGGER `phase_reaches_won_after_delete` AFTER DELETE ON `phase_reaches` WHEN OLD.`phase_idx` >= 5 BEGIN
  UPDATE `phase_reaches` SET `won_at` = (SELECT min(w.`at`) FROM `phase_reaches` w WHERE w.`account_id` = `phase_reaches`.`account_id` AND w.`phase_idx` >= 5 AND w.`at` >= `phase_reaches`.`at`)
  WHERE `account_id` = OLD.`account_id` AND `won_at` = OLD.`at`;
END;--> statement-breakpoint
CREATE TRIGGER `phase_reaches_won_after_update` AFTER UPDATE OF `account_id`, `phase_idx`, `at` ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `won_at` = (SELECT min(w.`at`) FROM `phase_reaches` w WHERE w.`account_id` = `phase_reaches`.`account_id` AND w.`phase_idx` >= 5 AND w.`at` >= `phase_reaches`.`at`)
  WHERE `account_id` IN (OLD.`account_id`, NEW.`account_id`);
END;--> statement-breakpoint
-- reach_days from the reaches written so far: by the day of the reach, and the leaves by the day they left
INSERT INTO `reach_days` (`team_id`, `day`, `phase_idx`, `owner_id`, `reaches`, `open_reaches`, `leaves`)
SELECT `team_id`, `day`, `phase_idx`, `owner_id`, sum(`r`), sum(`o`), sum(`l`) FROM (
  SELECT `team_id`, `at` / 86400000 AS `day`, `phase_idx`, coalesce(`owner_id`, '') AS `owner_id`, 1 AS `r`, `left_at` IS NULL AS `o`, 0 AS `l` FROM `phase_reaches`
  UNION ALL
  SELECT `team_id`, `left_at` / 86400000, `phase_idx`, coalesce(`owner_id`, ''), 0, 0, 1 FROM `phase_reaches` WHERE `left_at` IS NOT NULL
) GROUP BY `team_id`, `day`, `phase_idx`, `owner_id`;--> statement-breakpoint
CREATE TRIGGER `reach_days_after_insert` AFTER INSERT ON `phase_reaches` BEGIN
  INSERT INTO `reach_days` (`team_id`, `day`, `phase_idx`, `owner_id`, `reaches`, `open_reaches`) VALUES (NEW.`team_id`, NEW.`at` / 86400000, NEW.`phase_idx`, coalesce(NEW.`owner_id`, ''), 1, NEW.`left_at` IS NULL)
    ON CONFLICT (`team_id`, `day`, `phase_idx`, `owner_id`) DO UPDATE SET `reaches` = `reaches` + 1, `open_reaches` = `open_reaches` + excluded.`open_reaches`;
  INSERT INTO `reach_days` (`team_id`, `day`, `phase_idx`, `owner_id`, `leaves`) SELECT NEW.`team_id`, NEW.`left_at` / 86400000, NEW.`phase_idx`, coalesce(NEW.`owner_id`, ''), 1 WHERE NEW.`left_at` IS NOT NULL
    ON CONFLICT (`team_id`, `day`, `phase_idx`, `owner_id`) DO UPDATE SET `leaves` = `leaves` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `reach_days_after_delete` AFTER DELETE ON `phase_reaches` BEGIN
  UPDATE `reach_days` SET `reaches` = `reaches` - 1, `open_reaches` = `open_reaches` - (OLD.`left_at` IS NULL)
    WHERE `team_id` = OLD.`team_id` AND `day` = OLD.`at` / 86400000 AND `phase_idx` = OLD.`phase_idx` AND `owner_id` = coalesce(OLD.`owner_id`, '');
  UPDATE `reach_days` SET `leaves` = `leaves` - 1
    WHERE OLD.`left_at` IS NOT NULL AND `team_id` = OLD.`team_id` AND `day` = OLD.`left_at` / 86400000 AND `phase_idx` = OLD.`phase_idx` AND `owner_id` = coalesce(OLD.`owner_id`, '');
END;--> statement-breakpoint
CREATE TRIGGER `reach_days_after_update` AFTER UPDATE OF `team_id`, `owner_id`, `phase_idx`, `at`, `left_at` ON `phase_reaches` BEGIN
  UPDATE `reach_days` SET `reaches` = `reaches` - 1, `open_reaches` = `open_reaches` - (OLD.`left_at` IS NULL)
    WHERE `team_id` = OLD.`team_id` AND `day` = OLD.`at` / 86400000 AND `phase_idx` = OLD.`phase_idx` AND `owner_id` = coalesce(OLD.`owner_id`, '');
  UPDATE `reach_days` SET `leaves` = `leaves` - 1
    WHERE OLD.`left_at` IS NOT NULL AND `team_id` = OLD.`team_id` AND `day` = OLD.`left_at` / 86400000 AND `phase_idx` = OLD.`phase_idx` AND `owner_id` = coalesce(OLD.`owner_id`, '');
  INSERT INTO `reach_days` (`team_id`, `day`, `phase_idx`, `owner_id`, `reaches`, `open_reaches`) VALUES (NEW.`team_id`, NEW.`at` / 86400000, NEW.`phase_idx`, coalesce(NEW.`owner_id`, ''), 1, NEW.`left_at` IS NULL)
    ON CONFLICT (`team_id`, `day`, `phase_idx`, `owner_id`) DO UPDATE SET `reaches` = `reaches` + 1, `open_reaches` = `open_reaches` + excluded.`open_reaches`;
  INSERT INTO `reach_days` (`team_id`, `day`, `phase_idx`, `owner_id`, `leaves`) SELECT NEW.`team_id`, NEW.`left_at` / 86400000, NEW.`phase_idx`, coalesce(NEW.`owner_id`, ''), 1 WHERE NEW.`left_at` IS NOT NULL
    ON CONFLICT (`team_id`, `day`, `phase_idx`, `owner_id`) DO UPDATE SET `leaves` = `leaves` + 1;
END;
