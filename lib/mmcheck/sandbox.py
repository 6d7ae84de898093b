"""Running what a stranger's patch may control inside bubblewrap."""


def check_compiled(args, tree, parent, commit, label, rules):
    raise NotImplementedError
