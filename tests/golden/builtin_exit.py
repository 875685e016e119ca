print('before exit')
exit(0)
print('never printed')
