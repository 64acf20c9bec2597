DROP INDEX `phase_reaches_team`;--> statement-breakpoint
ALTER TABLE `phase_reaches` ADD `prev_at` integer;--> statement-breakpoint
CREATE INDEX `phase_reaches_cohort` ON `phase_reaches` (`team_id`,`phase_idx`,`at`,`prev_at`,`left_at`,`owner_id`,`account_id`);--> statement-breakpoint
UPDATE `phase_reaches` SET `prev_at` = (SELECT max(p.`at`) FROM `phase_reaches` p WHERE p.`account_id` = `phase_reaches`.`account_id` AND p.`phase_idx` = `phase_reaches`.`phase_idx` AND (p.`at` < `phase_reaches`.`at` OR (p.`at` = `phase_reaches`.`at` AND p.rowid < `phase_reaches`.rowid)));--> statement-breakpoint
CREATE TRIGGER `phase_reaches_prev_after_insert` AFTER INSERT ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `prev_at` = (SELECT max(p.`at`) FROM `phase_reaches` p WHERE p.`account_id` = `phase_reaches`.`account_id` AND p.`phase_idx` = `phase_reaches`.`phase_idx` AND (p.`at` < `phase_reaches`.`at` OR (p.`at` = `phase_reaches`.`at` AND p.rowid < `phase_reaches`.rowid)))
  WHERE `account_id` = NEW.`account_id` AND `phase_idx` = NEW.`phase_idx` AND (`at` > NEW.`at` OR rowid = NEW.rowid);
END;--> statement-breakpoint
CREATE TRIGGER `phase_reaches_prev_after_delete` AFTER DELETE ON `phase_reaches` BEGIN
  UPDATE `phase_reaches` SET `prev_at` = (SELECT max(p.`at`) FROM `phase_reaches` p WHERE p.`account_id` = `phase_reaches`.`account_id` AND p.`phase_idx` = `phase_reaches`.`phase_idx` AND (p.`at` < `phase_reaches`.`at` OR (p.`at` = `phase_reaches`.`at` AND p.rowid < `phase_reaches`.rowid)))
  WHERE `account_id` = OLD.`account_id` AND `phase_idx` = OLD.`phase_idx` AND `at` >= OLD.`at`;
END;
