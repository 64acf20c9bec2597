DROP INDEX `phase_reaches_cohort`;--> statement-breakpoint
ALTER TABLE `phase_reaches` ADD `started_at` integer;--> statement-breakpoint
-- started_at: the account's first reach of suspect (phase_idx 0), which every account has from its creation
UPDATE `phase_reaches` SET `started_at` = (SELECT min(s.`at`) FROM `phase_reaches` s WHERE s.`account_id` = `phase_reaches`.`account_id` AND s.`phase_idx` = 0);--> statement-breakpoint
CREATE INDEX `phase_reaches_cohort` ON `phase_reaches` (`team_id`,`phase_idx`,`at`,`prev_at`,`left_at`,`owner_id`,`won_at`,`started_at`,`account_id`);--> statement-breakpoint
CREATE TRIGGER `phase_reaches_start_after_insert` AFTER INSERT ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `started_at` = (SELECT min(s.`at`) FROM `phase_reaches` s WHERE s.`account_id` = `phase_reaches`.`account_id` AND s.`phase_idx` = 0)
  WHERE `account_id` = NEW.`account_id` AND (rowid = NEW.rowid OR NEW.`phase_idx` = 0);
END;--> statement-breakpoint
CREATE TRIGGER `phase_reaches_start_after_delete` AFTER DELETE ON `phase_reaches` WHEN OLD.`phase_idx` = 0 BEGIN
  UPDATE `phase_reaches` SET `started_at` = (SELECT min(s.`at`) FROM `phase_reaches` s WHERE s.`account_id` = `phase_reaches`.`account_id` AND s.`phase_idx` = 0)
  WHERE `account_id` = OLD.`account_id`;
END;--> statement-breakpoint
CREATE TRIGGER `phase_reaches_start_after_update` AFTER UPDATE OF `account_id`, `phase_idx`, `at` ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `started_at` = (SELECT min(s.`at`) FROM `phase_reaches` s WHERE s.`account_id` = `phase_reaches`.`account_id` AND s.`phase_idx` = 0)
  WHERE `account_id` IN (OLD.`account_id`, NEW.`account_id`);
END;
