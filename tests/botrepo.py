"""The repository the bot's tests answer patches against: the change
tests' small kernel-like tree, committed with fixed dates so its commit
id (the base-commit: of the test mails in testdata/bot/) never changes."""
import os

from test_change import Repo

DATE = "1700000000 +0000"


class BotRepo(Repo):
    def __init__(self, test):
        super().__init__(test)
        self.env.update(GIT_AUTHOR_DATE=DATE, GIT_COMMITTER_DATE=DATE)
        self.base = self.kernel()


def expected_base():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "bot",
                           "BASE")) as f:
        return f.read().split()[0]
