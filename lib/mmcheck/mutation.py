"""Edits that bring a bug back into a real kernel tree, in a git repository
of it (tools/kernel-git): what tools/check-change-kernel (the change mode)
and tools/mutate-kernel (every engine, at the bugs' real sites) share."""
import os
import subprocess


def replace(old, new):
    """An edit: old must stand exactly once in the file."""
    return replace_any((old,), new)


def replace_any(olds, new):
    """An edit of the first of olds that stands exactly once in the file
    (the same site written differently across releases); new may use %s
    for the text replaced."""
    def edit(text):
        for old in olds:
            if text.count(old) == 1:
                return text.replace(old, new % old if "%s" in new else new)
        raise LookupError("the text to edit is not there once: %r" % olds[0][:60])
    return edit


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                          check=True).stdout


def reset(repo):
    git(repo, "reset", "-q", "--hard")


def apply(repo, edits):
    """Apply {path: [edit, ...]} and stage it (Debian's trees ignore /*)."""
    for path, steps in edits.items():
        full = os.path.join(repo, path)
        with open(full, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
        for step in steps:
            text = step(text)
        with open(full, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        git(repo, "add", "-f", path)


# ---- the bugs, at their real sites (6.12 and 7.2 spell them alike) ----------

# The 6.1 zap_pte_range() shape in zap_present_folio_ptes(): no
# tlb_delay_rmap(), the rmap of a dirty file folio removed at once.
ZAP_61 = [replace("\t\t\tif (tlb_delay_rmap(tlb)) {\n\t\t\t\tdelay_rmap = true;\n"
                  "\t\t\t\t*force_flush = true;\n\t\t\t}\n", "\t\t\t*force_flush = true;\n"),
          replace("\tif (!delay_rmap) {\n\t\tfolio_remove_rmap_ptes(folio, page, nr, vma);",
                  "\t{\n\t\tfolio_remove_rmap_ptes(folio, page, nr, vma);")]
# zap_pte_range() no longer flushes the rmaps its helpers delayed: the bug
# spans zap_pte_range() and zap_present_ptes() -> zap_present_folio_ptes().
NO_FLUSH_RMAPS = [replace("\t\ttlb_flush_mmu_tlbonly(tlb);\n\t\ttlb_flush_rmaps(tlb, vma);\n",
                          "\t\ttlb_flush_mmu_tlbonly(tlb);\n")]
# The delay for anon folios too: the anon test of zap_present_folio_ptes()
# gone (Hugh Dickins' corollary: the anon_vma may be freed by then).
ANON_DELAY = [replace("\tif (!folio_test_anon(folio)) {\n\t\tptent = get_and_clear_full_ptes(",
                      "\tif (1) {\n\t\tptent = get_and_clear_full_ptes(")]
# The undo of the swap duplicate dropped from the arch_unmap_one() abort
# of try_to_unmap_one(): swap_free() in 6.12, folio_put_swap() in 7.2.
NO_UNDO = [replace_any(("\t\t\tif (arch_unmap_one(mm, vma, address, pteval) < 0) {\n"
                        "\t\t\t\tswap_free(entry);\n",
                        "\t\t\tif (arch_unmap_one(mm, vma, address, pteval) < 0) {\n"
                        "\t\t\t\tfolio_put_swap(folio, subpage);\n"),
                       "\t\t\tif (arch_unmap_one(mm, vma, address, pteval) < 0) {\n")]
# A plain acquisition of page_table_lock in a new function, while s390's
# crst_table_upgrade() takes it with _bh in a file the change leaves alone.
PTL_PLAIN = [replace("\nvoid unmap_mapping_range(struct address_space *mapping,",
                     "\nvoid mm_account_pgtables(struct mm_struct *mm)\n{\n"
                     "\tspin_lock(&mm->page_table_lock);\n\tmm_inc_nr_ptes(mm);\n"
                     "\tspin_unlock(&mm->page_table_lock);\n}\n"
                     "\nvoid unmap_mapping_range(struct address_space *mapping,")]
# Benign: zap_pte_range() flushes the delayed rmaps through a helper of its
# own; the engines that follow helpers must see the flush there.
FLUSH_IN_HELPER = [
    replace("\t\ttlb_flush_mmu_tlbonly(tlb);\n\t\ttlb_flush_rmaps(tlb, vma);\n",
            "\t\tzap_flush_delayed(tlb, vma);\n"),
    replace("\nstatic unsigned long zap_pte_range(struct mmu_gather *tlb,",
            "\nstatic void zap_flush_delayed(struct mmu_gather *tlb, struct vm_area_struct *vma)"
            "\n{\n\ttlb_flush_mmu_tlbonly(tlb);\n\ttlb_flush_rmaps(tlb, vma);\n}\n"
            "\nstatic unsigned long zap_pte_range(struct mmu_gather *tlb,")]
