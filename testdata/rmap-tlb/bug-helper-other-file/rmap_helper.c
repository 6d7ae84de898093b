/* A helper of another file removes the rmap of the page it is given. */
void drop_file_rmap(struct page *page, struct vm_area_struct *vma)
{
	page_remove_rmap(page, vma, false);
}
/*
 * check-output-start
 * check-output-end
 */
