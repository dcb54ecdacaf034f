"""My data: take it out, bring it back, back it up, or delete it."""

import streamlit as st

from sciatica import ui
from sciatica.documents import data_words as words
from sciatica.i18n import _
from sciatica.storage.database import describe_database
from sciatica.ui import my_data
from sciatica.ui.sharing import share_with_clinician

store, user, today, config = ui.store(), ui.user_id(), ui.today(), ui.settings()
url = config.resolved_database_url()
count = store.count_check_ins(user_id=user)
stamp = today.isoformat()  # the day where the person is, not the server
# With logins, the server is shared: its database host, user and folders are not the person's.
shared = ui.logins_enabled()

st.title(_("My data"))
ui.show_flash()
where = _("It is kept on this service's server") if shared else ui.plain(describe_database(url))
st.markdown(f"{words.diary_size(count)} {where}.")

my_data.downloads(store, user=user, stamp=stamp)
my_data.import_section(store, user=user, today=today)
my_data.backups(config, url=url, shared=shared)
share_with_clinician(store)  # with logins: share, who has access, the log
my_data.delete_everything(store, user=user, count=count)
