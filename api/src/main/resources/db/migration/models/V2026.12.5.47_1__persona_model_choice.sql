-- A persona's own generator (issue 47): the master key may give a chat configuration a
-- generator of its own, kept in model_choice under the configuration's id (cfg_ and 32
-- hex digits) beside the service's row ('service'). Questions of its sessions are written
-- by it; a row whose configuration is gone is ignored.
alter table model_choice alter column id set data type varchar(100);
